package dev.videotutorials.messagestore.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates commands with their {@link CliContext} when they take one, other package-private
 * classes (mixins) through their no-argument constructor, and anything else the picocli way.
 */
final class ContextFactory implements CommandLine.IFactory {

  private final CliContext context;

  ContextFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == CliContext.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(context));
      }
    }
    if (type.getPackage() == ContextFactory.class.getPackage()) {
      Constructor<K> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    }
    return CommandLine.defaultFactory().create(type);
  }
}
