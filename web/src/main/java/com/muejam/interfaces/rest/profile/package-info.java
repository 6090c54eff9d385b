/** The profiles resource. */
package com.muejam.interfaces.rest.profile;
