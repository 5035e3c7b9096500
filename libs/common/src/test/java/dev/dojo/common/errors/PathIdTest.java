package dev.dojo.common.errors;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The services' API tests send these through HTTP as well (users' UserControllerTest, eval's ExerciseApiTest). */
class PathIdTest {

    @Test
    void onlyTheCanonicalSpellingNamesARow() {
        assertEquals(Optional.of(1L), PathId.parse("1"));
        assertEquals(Optional.of(Long.MAX_VALUE), PathId.parse("9223372036854775807"));
        for (String id : List.of("0", "-1", "+1", "01", "1.0", "1e3", " 1", "1 ", "0x1", "\u0661", "\uFF11",
                "\u0967", "9223372036854775808", "99999999999999999999", "", "abc")) {
            assertEquals(Optional.empty(), PathId.parse(id), id);
        }
    }
}
