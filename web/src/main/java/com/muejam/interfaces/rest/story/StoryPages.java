package com.muejam.interfaces.rest.story;

import java.util.List;
import java.util.function.Function;

import com.muejam.domain.story.Story;

/** Builds {@link StoryDtos.StoryPage}s from a service page. */
final class StoryPages {

    private StoryPages() {
    }

    static StoryDtos.StoryPage of(List<Story> page, int limit, Function<Story, String> cursorOf) {
        return new StoryDtos.StoryPage(page.stream().map(StoryDtos.StorySummary::of).toList(),
                Cursors.next(page, limit, cursorOf));
    }
}
