/** The signed-in user's notifications over HTTP: inbox pages, the unread badge, read-marking. */
package com.muejam.interfaces.rest.notification;
