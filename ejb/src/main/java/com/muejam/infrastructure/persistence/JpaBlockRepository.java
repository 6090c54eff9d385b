package com.muejam.infrastructure.persistence;

import static com.muejam.infrastructure.persistence.BlockQuery.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.muejam.domain.privacy.BlockRepository;
import com.muejam.domain.privacy.BlockedUser;
import com.muejam.infrastructure.routing.EntityManagers;

@ApplicationScoped
public class JpaBlockRepository implements BlockRepository {

    /** Idempotent under concurrency: the pair's unique key decides, no check-then-insert race. */
    static final String INSERT = """
            INSERT INTO blocked_users (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)
            ON CONFLICT (blocker_id, blocked_id) DO NOTHING""";
    static final String DELETE = "DELETE FROM blocked_users WHERE blocker_id = ? AND blocked_id = ?";

    @Inject
    EntityManagers entityManagers;

    @Override
    public boolean block(long blockerId, long blockedId, OffsetDateTime now) {
        new BlockedUser(blockerId, blockedId, now); // validates (no self-block) before any SQL
        var query = entityManagers.forWrite().createNativeQuery(INSERT);
        query.setParameter(1, blockerId);
        query.setParameter(2, blockedId);
        query.setParameter(3, now);
        return query.executeUpdate() == 1;
    }

    @Override
    public boolean unblock(long blockerId, long blockedId) {
        var query = entityManagers.forWrite().createNativeQuery(DELETE);
        query.setParameter(1, blockerId);
        query.setParameter(2, blockedId);
        return query.executeUpdate() == 1;
    }

    @Override
    public boolean isBlocked(long blockerId, long blockedId) {
        return NativeQueries.bool(entityManagers.forRead(), IS_BLOCKED,
                Map.of("blockerId", blockerId, "blockedId", blockedId));
    }

    @Override
    public List<BlockedUser> blockList(long blockerId, long beforeId, int limit) {
        return NativeQueries.list(entityManagers.forRead(), BLOCK_LIST, BlockedUser.class,
                Map.of("blockerId", blockerId, "beforeId", beforeId, "limit", limit));
    }

    @Override
    public List<NamedBlock> blockListNamed(long blockerId, long beforeId, int limit) {
        return NativeQueries.rows(entityManagers.forRead(), BLOCK_LIST_NAMED,
                        Map.of("blockerId", blockerId, "beforeId", beforeId, "limit", limit)).stream()
                .map(r -> new NamedBlock(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                        NativeQueries.timestamp(r[3])))
                .toList();
    }

    @Override
    public List<BlockedUser> blockersOf(long blockedId, long beforeId, int limit) {
        return NativeQueries.list(entityManagers.forRead(), BLOCKERS_OF, BlockedUser.class,
                Map.of("blockedId", blockedId, "beforeId", beforeId, "limit", limit));
    }

    @Override
    public long blockedByCount(long blockedId) {
        return NativeQueries.number(entityManagers.forRead(), BLOCKED_BY_COUNT, Map.of("blockedId", blockedId));
    }
}
