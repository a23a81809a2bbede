package no.varde.ingest.dc09;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The DC-09 frame parser's fuzz target in the test suite: replays its seed and regression inputs. */
class Dc09FrameFuzzTests {

    @FuzzTest
    void anyFrameIsRefusedWithItsDefectOrRead(byte[] frame) {
        Dc09FrameFuzzTarget.check(frame);
    }
}
