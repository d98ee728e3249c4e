package dev.videotutorials.app.web.common;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of an {@code application/x-www-form-urlencoded} request body, parsed once per
 * request. Malformed encodings and other content types are answered with a 4xx, never a 500.
 */
public final class Form {

  private static final String ATTRIBUTE = Form.class.getName();

  private final Map<String, String> fields;

  private Form(Map<String, String> fields) {
    this.fields = fields;
  }

  public static Form of(Context ctx) {
    Form form = ctx.attribute(ATTRIBUTE);
    if (form == null) {
      form = parse(ctx);
      ctx.attribute(ATTRIBUTE, form);
    }
    return form;
  }

  /** The field's value (the first, if sent twice), or null when the field is absent. */
  public String value(String name) {
    return fields.get(name);
  }

  private static Form parse(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
          "Send this form as application/x-www-form-urlencoded.");
    }
    String body = ctx.body();
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return new Form(fields);
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      fields.putIfAbsent(name, value);
    }
    return new Form(fields);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("The form data is not properly URL-encoded.");
    }
  }
}
