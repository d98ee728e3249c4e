package dev.videotutorials.app.components.testing;

import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail server setups for tests on a busy machine: free ports, generous start-up time. */
public final class MailServers {

  private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

  private MailServers() {
  }

  public static ServerSetup[] patient(ServerSetup... setups) {
    ServerSetup[] patient = new ServerSetup[setups.length];
    for (int i = 0; i < setups.length; i++) {
      patient[i] = setups[i].dynamicPort();
      patient[i].setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
    }
    return patient;
  }
}
