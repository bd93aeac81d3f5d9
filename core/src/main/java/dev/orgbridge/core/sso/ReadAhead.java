package dev.orgbridge.core.sso;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator over items read one at a time from a source: {@link #read()} gives the next, or null at the end. */
public abstract class ReadAhead<T> implements Iterator<T> {

    private T next;

    /** The next item, or null when the source is exhausted. */
    protected abstract T read();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
    }
}
