package dev.dojo.common.negotiation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AcceptHeaderTest {

    private final AcceptHeader header = new AcceptHeader(Map.of("application", List.of("json", "yaml"),
            "text", List.of("html")));

    @Test
    void aPlainHeaderStaysAsItIs() {
        for (String accept : List.of("application/json", "*/*", "text/html, application/json", "", "garbage")) {
            assertNull(header.rewrite(accept), accept);
        }
    }

    @Test
    void aTypesRangeIsFollowedByTheConcreteTypesProducedUnderIt() {
        assertEquals("application/*, application/json, application/yaml", header.rewrite("application/*"));
        assertEquals("text/*, text/html, */*", header.rewrite("text/*;q=0.5, */*;q=0.1"));
        // a type nothing is produced under stands alone; a type already listed is not repeated
        assertNull(header.rewrite("image/*"));
        assertEquals("application/json, application/*, application/yaml",
                header.rewrite("application/json, application/*"));
    }

    @Test
    void parametersAreDroppedRangesOrderedByQAndNamesLowerCased() {
        assertEquals("application/json", header.rewrite("application/json;charset=utf-7"));
        assertEquals("application/json", header.rewrite("APPLICATION/JSON"));
        assertEquals("application/json", header.rewrite("application/json ; charset=utf-8 ; Q=0.5"));
        assertEquals("application/json", header.rewrite("application/json; foo=\"a, b; c=\\\"d\""));
        assertEquals("application/json, text/html", header.rewrite("text/html;level=1;q=0.2, , application/json"));
        assertEquals("text/html, application/xml, */*",
                header.rewrite("text/html,application/xml;q=0.9,*/*;q=0.8"));
        // a q that is no qvalue counts as 1, not as a guess
        for (String q : List.of("abc", "2", "0.12345", "-1", "1.5", "")) {
            assertEquals("application/json, text/html", header.rewrite("text/html;q=0.5, application/json;q=" + q), q);
        }
        // a range refused with q=0 is left out; a header refusing everything is emptied (removed)
        assertEquals("*/*", header.rewrite("application/json;q=0, */*;q=0.1"));
        assertEquals("", header.rewrite("application/json;q=0"));
        assertEquals("", header.rewrite("application/*;q=0.000"));
    }

    @Test
    void aHeaderThatIsNoListOfRangesStaysForMicronautToRead() {
        for (String accept : List.of("application/json;x=\"open", "application;q=1", "app lication/json;q=1",
                "/json;q=1", "application/;q=1", "application/json/x;q=1", "<script>/*")) {
            assertNull(header.rewrite(accept), accept);
        }
    }
}
