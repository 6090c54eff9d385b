package com.muejam.domain.story;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A story written by an author. The author is referenced by id, so reads never load a profile graph. */
@Entity
@Table(name = "stories")
public class Story implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private StoryStatus status = StoryStatus.draft;

    @Column(nullable = false)
    private boolean featured;

    @Column(nullable = false)
    private boolean nsfw;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "view_count", nullable = false)
    private long viewCount;

    @Column(name = "like_count", nullable = false)
    private long likeCount;

    @Column(name = "comment_count", nullable = false)
    private long commentCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Genre genre = Genre.general;

    @Version
    private long version;

    protected Story() {
        // for JPA
    }

    public Story(long authorId, String title, String body, boolean nsfw, OffsetDateTime now) {
        this.authorId = authorId;
        this.title = title;
        this.body = body;
        this.nsfw = nsfw;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Story(long authorId, String title, String body, boolean nsfw, Genre genre, OffsetDateTime now) {
        this(authorId, title, body, nsfw, now);
        this.genre = genre;
    }

    /** Makes the story visible to readers; publishing twice keeps the first publication time. */
    public void publish(OffsetDateTime now) {
        if (status != StoryStatus.published) {
            status = StoryStatus.published;
            publishedAt = now;
            updatedAt = now;
        }
    }

    public Long getId() { return id; }
    public long getAuthorId() { return authorId; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public StoryStatus getStatus() { return status; }
    public boolean isFeatured() { return featured; }
    public boolean isNsfw() { return nsfw; }
    public boolean isDeleted() { return deleted; }
    public OffsetDateTime getPublishedAt() { return publishedAt; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public long getViewCount() { return viewCount; }
    public long getLikeCount() { return likeCount; }
    public long getCommentCount() { return commentCount; }
    public long getVersion() { return version; }
    public Genre getGenre() { return genre; }

    public void setFeatured(boolean featured) { this.featured = featured; }

    /** Soft delete: the row stays (moderation history, counts) but leaves every reader-facing index. */
    public void delete(OffsetDateTime now) {
        this.deleted = true;
        this.updatedAt = now;
    }

    public void edit(String title, String body, OffsetDateTime now) {
        this.title = title;
        this.body = body;
        this.updatedAt = now;
    }

    /** Changes the given fields (null = unchanged); moves updated_at only when something changed. */
    public boolean revise(String title, String body, Boolean nsfw, Genre genre, OffsetDateTime now) {
        boolean changed = false;
        if (title != null && !title.equals(this.title)) {
            this.title = title;
            changed = true;
        }
        if (body != null && !body.equals(this.body)) {
            this.body = body;
            changed = true;
        }
        if (nsfw != null && nsfw != this.nsfw) {
            this.nsfw = nsfw;
            changed = true;
        }
        if (genre != null && genre != this.genre) {
            this.genre = genre;
            changed = true;
        }
        if (changed) {
            this.updatedAt = now;
        }
        return changed;
    }

    public boolean isPublished() {
        return status == StoryStatus.published;
    }
}
