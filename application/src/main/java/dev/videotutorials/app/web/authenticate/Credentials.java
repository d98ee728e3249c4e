package dev.videotutorials.app.web.authenticate;

/** A row of {@code user_credentials}: the user's id and bcrypt hash. */
record Credentials(String userId, String passwordHash) {
}
