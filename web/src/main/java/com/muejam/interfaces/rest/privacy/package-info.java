/** The caller's privacy settings and block list over HTTP ({@code /api/privacy}, {@code /api/blocks}). */
package com.muejam.interfaces.rest.privacy;
