// The public surface of this library (filled by its features).
export {};
