package dev.videotutorials.app.web.common;

import java.util.List;

/**
 * The visitor's session: its id (the cookie's value, never stored as such), the logged-in user
 * (null when anonymous), the user ids it registered, and the CSRF token its forms carry.
 */
public record WebSession(String id, String userId, List<String> registrations, String csrfToken) {

  public WebSession {
    registrations = List.copyOf(registrations);
  }

  public boolean loggedIn() {
    return userId != null;
  }

  public boolean registered(String candidateUserId) {
    return registrations.contains(candidateUserId);
  }
}
