package dev.videotutorials.app.aggregators.usercredentials;

/** A row of {@code user_credentials}: what logging in checks. */
public record UserCredential(String id, String email, String passwordHash) {
}
