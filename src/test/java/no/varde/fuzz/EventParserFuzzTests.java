package no.varde.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The HTTP event parser's fuzz target ({@link EventParserFuzzTarget}) in the test suite: replays the seed inputs and
 * every input that once failed (kept under {@code src/test/resources/no/varde/fuzz/EventParserFuzzTestsInputs}).
 * {@code bin/varde fuzz} runs the long fuzzing sessions.
 */
class EventParserFuzzTests {

    @FuzzTest
    void anyBodyIsEitherNamedAsBadOrAStorableEvent(byte[] body) {
        EventParserFuzzTarget.check(body);
    }
}
