package dev.videotutorials.app.web.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the pages find Bootstrap: the WebJar on the class path, served under /webjars. */
final class Assets {

  static final String BOOTSTRAP = "/webjars/bootstrap/" + webJarVersion("bootstrap");

  private Assets() {
  }

  private static String webJarVersion(String artifactId) {
    String path = "/META-INF/maven/org.webjars/" + artifactId + "/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("The " + artifactId + " WebJar is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
