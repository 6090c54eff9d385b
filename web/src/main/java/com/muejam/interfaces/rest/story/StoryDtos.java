package com.muejam.interfaces.rest.story;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.muejam.domain.story.Story;

/** JSON shapes of the story resource. */
public final class StoryDtos {

    private StoryDtos() {
    }

    public record CreateStory(
            @NotNull @Positive Long authorId,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 200_000) String body,
            boolean nsfw) {
    }

    public record StoryView(long id, long authorId, String title, String body, String status, boolean featured,
            boolean nsfw, OffsetDateTime publishedAt, OffsetDateTime createdAt) {

        static StoryView of(Story s) {
            return new StoryView(s.getId(), s.getAuthorId(), s.getTitle(), s.getBody(), s.getStatus().name(),
                    s.isFeatured(), s.isNsfw(), s.getPublishedAt(), s.getCreatedAt());
        }
    }
}
