package com.muejam.application;

/** A referenced entity does not exist; the REST layer answers 404. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final Object id;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public Object id() {
        return id;
    }
}
