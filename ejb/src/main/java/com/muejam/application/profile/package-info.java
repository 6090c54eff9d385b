/** Profile use cases. */
package com.muejam.application.profile;
