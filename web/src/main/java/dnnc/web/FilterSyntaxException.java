package dnnc.web;

import dnnc.api.InvalidInputException;

/** A filter the parser cannot read; the message names the column and what would be valid there. */
public final class FilterSyntaxException extends InvalidInputException {
    public FilterSyntaxException(String message) {
        super(message);
    }
}
