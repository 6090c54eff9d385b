/** MicroProfile Health checks of the application. */
package com.muejam.interfaces.health;
