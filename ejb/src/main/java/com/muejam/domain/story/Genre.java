package com.muejam.domain.story;

/** A story's genre (stored as its name, CHECK-constrained by the schema). */
public enum Genre {
    general, fantasy, romance, scifi, mystery, horror, thriller, poetry, fanfiction, humor, drama, adventure
}
