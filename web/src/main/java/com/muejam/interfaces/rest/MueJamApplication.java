package com.muejam.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under {@code /api}; metrics under {@code /metrics}, health on the management port. */
@ApplicationPath("/api")
public class MueJamApplication extends Application {
}
