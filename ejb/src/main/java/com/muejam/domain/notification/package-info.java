/** Notifications: unread first-class (a partial index holds only unread ones), inbox tabs, retention. */
package com.muejam.domain.notification;
