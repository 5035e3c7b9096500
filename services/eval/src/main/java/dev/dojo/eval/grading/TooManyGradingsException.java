package dev.dojo.eval.grading;

/** The account already has its share of gradings in flight or waiting (429). */
public class TooManyGradingsException extends RuntimeException {

    public TooManyGradingsException(int perAccount) {
        super("You already have " + perAccount + (perAccount == 1 ? " submission" : " submissions")
                + " being graded. Wait for " + (perAccount == 1 ? "it" : "one") + " to finish, then submit again.");
    }
}
