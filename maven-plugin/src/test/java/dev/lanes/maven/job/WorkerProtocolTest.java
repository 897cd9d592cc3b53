package dev.lanes.maven.job;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerProtocolTest {

    @Test
    void aMessageSurvivesLineBreaksAndBackslashes() {
        String text = "data.csv:3:2 (x): 'a\\b'\nsecond line\r\nthird \\n literal";
        String line = WorkerProtocol.encode(WorkerProtocol.Kind.USER_ERROR, text);
        assertFalse(line.contains("\n") || line.contains("\r"));
        Optional<WorkerProtocol.Message> m = WorkerProtocol.decode(line);
        assertTrue(m.isPresent());
        assertEquals(WorkerProtocol.Kind.USER_ERROR, m.get().kind());
        assertEquals(text, m.get().text());
    }

    @Test
    void otherLinesAreNoMessages() {
        assertTrue(WorkerProtocol.decode("WARNING: Using incubator modules: jdk.incubator.vector").isEmpty());
        assertTrue(WorkerProtocol.decode("\tat dev.lanes.maven.worker.Worker.main(Worker.java:1)").isEmpty());
        assertEquals(WorkerProtocol.Kind.INFO, WorkerProtocol.decode("[nn:info] 3/9 fits").orElseThrow().kind());
        assertEquals(WorkerProtocol.Kind.WARN, WorkerProtocol.decode("[nn:warn] careful").orElseThrow().kind());
    }
}
