package dev.dojo.common.requestid;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdTest {

    @Test
    void newIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdFilter.newId();
            UUID parsed = UUID.fromString(id);
            assertEquals(4, parsed.version(), id);
            assertEquals(2, parsed.variant(), id);
            assertEquals(id, parsed.toString());
            assertTrue(seen.add(id), "repeated id " + id);
        }
    }

    @Test
    void plainTokensUpTo128CharactersAreKept() {
        for (String id : new String[] {"a", "req-1", "0f8e.Z_9:x", "A".repeat(128),
                "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e"}) {
            assertEquals(id, RequestIdFilter.acceptOrCreate(id), id);
        }
    }

    @Test
    void anythingElseIsReplacedByAFreshId() {
        for (String id : new String[] {"", "A".repeat(129), "a b", "a\r\nSet-Cookie: x", "id/1", "é", "a;b",
                "<script>", "a\u0000"}) {
            String got = RequestIdFilter.acceptOrCreate(id);
            assertNotEquals(id, got, id);
            assertEquals(4, UUID.fromString(got).version(), id);
        }
        assertEquals(4, UUID.fromString(RequestIdFilter.acceptOrCreate(null)).version());
    }
}
