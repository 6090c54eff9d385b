/** Application services: use cases, transaction boundaries ({@code @Transactional}) and read routing ({@code @ReadOnly}). */
package com.muejam.application;
