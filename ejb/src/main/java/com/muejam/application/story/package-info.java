/** Story use cases: transaction boundaries and read routing live on these methods. */
package com.muejam.application.story;
