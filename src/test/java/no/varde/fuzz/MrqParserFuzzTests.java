package no.varde.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The SCAIP parser's fuzz target in the test suite: replays its seed and regression inputs. */
class MrqParserFuzzTests {

    @FuzzTest
    void anyMessageBodyIsAnsweredWithASnuOrParsed(byte[] body) {
        MrqParserFuzzTarget.check(body);
    }
}
