package dev.dojo.swapper.spec;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What SpecCatalog logs, captured in memory for a test. */
final class SpecLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(SpecCatalog.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    SpecLog() {
        appender.start();
        logger.addAppender(appender);
    }

    List<String> warnings() {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
