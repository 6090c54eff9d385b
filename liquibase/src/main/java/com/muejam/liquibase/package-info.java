/** The schema's changelogs (class-path resources under {@code db/changelog}) and the code that applies them. */
package com.muejam.liquibase;
