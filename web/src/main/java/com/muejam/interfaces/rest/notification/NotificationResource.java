package com.muejam.interfaces.rest.notification;

import java.io.StringReader;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.muejam.application.notification.NotificationService;
import com.muejam.domain.TimeCursor;
import com.muejam.domain.notification.Notification;
import com.muejam.interfaces.rest.auth.CurrentUser;
import com.muejam.interfaces.rest.auth.WriteRateLimited;
import com.muejam.interfaces.rest.paging.Page;
import com.muejam.interfaces.rest.paging.PageCursors;

/**
 * The caller's notifications (401 anonymous). {@code GET} lists the unread ones newest first ({@code all=true}:
 * read ones too), keyset-paged ({@code limit} 1..100, default 20; {@code cursor}). The unread count is cached and
 * invalidated after every change, so a client that sends back the write's {@code MueJam-Consistency} value sees
 * its own mark-read at once.
 */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    /** One notification; {@code payload} is the JSON object the notifying use case stored. */
    public record NotificationView(long id, String type, String subjectType, Long subjectId, JsonObject payload,
            OffsetDateTime createdAt, OffsetDateTime readAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getType().name(),
                    n.getSubjectType() == null ? null : n.getSubjectType().name(), n.getSubjectId(),
                    parse(n.getPayload()), n.getCreatedAt(), n.getReadAt());
        }

        private static JsonObject parse(String json) {
            if (json == null || json.isBlank()) {
                return JsonObject.EMPTY_JSON_OBJECT;
            }
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                return reader.readObject();
            }
        }
    }

    public record UnreadCount(long unread) {
    }

    public record Marked(int marked) {
    }

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @GET
    public Page<NotificationView> list(@QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(NotificationService.MAX_PAGE_SIZE) int limit) {
        long me = currentUser.id();
        var rows = notifications.list(me, all, PageCursors.time(cursor, TimeCursor.newestFirst()), limit);
        return PageCursors.page(rows, limit, NotificationView::of, n -> PageCursors.time(n.getCreatedAt(), n.getId()));
    }

    @GET
    @Path("/unread-count")
    public UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(currentUser.id()));
    }

    /** Marks one of the caller's notifications read: 204; someone else's or an unknown id: 404. */
    @POST
    @Path("/{id}/read")
    @WriteRateLimited("notifications.read")
    public Response markRead(@PathParam("id") @Positive long id) {
        notifications.markRead(currentUser.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/read-all")
    @WriteRateLimited("notifications.read_all")
    public Marked markAllRead() {
        return new Marked(notifications.markAllRead(currentUser.id()));
    }
}
