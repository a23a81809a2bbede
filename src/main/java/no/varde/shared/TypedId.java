package no.varde.shared;

/**
 * An identifier or value with a type of its own instead of a raw {@code UUID}, {@code long} or {@code String}
 * (alarm, resident, device, integration, call-out, delivery, user name). Implementations are records with one
 * component and a {@code public static of(String)} factory that refuses malformed text with an
 * {@link IllegalArgumentException}; their {@code toString()} is that text. One converter in {@code shared.web} turns
 * path variables and request parameters into any of them, so controllers declare {@code @PathVariable AlarmId id}
 * and no module registers converters of its own.
 */
public interface TypedId {}
