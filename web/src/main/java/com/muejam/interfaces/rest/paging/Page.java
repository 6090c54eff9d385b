package com.muejam.interfaces.rest.paging;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One page of a keyset-paged list; {@code next} is null on the last page. */
@JsonbPropertyOrder({"items", "next"})
public record Page<T>(List<T> items, String next) {
}
