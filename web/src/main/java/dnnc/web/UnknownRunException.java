package dnnc.web;

import dnnc.api.InvalidInputException;

/** A run id the store does not hold (answered 404), or a file its folder does not hold. */
final class UnknownRunException extends InvalidInputException {
    UnknownRunException(String message) {
        super(message);
    }
}
