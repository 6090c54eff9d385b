/** The stories resource and its JSON shapes. */
package com.muejam.interfaces.rest.story;
