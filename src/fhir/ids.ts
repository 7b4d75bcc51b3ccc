import { v5 as uuidV5 } from "uuid";

// Every resource the library writes gets a UUID derived from the record's own ids (RFC 9562 version 5, a SHA-1 name
// hash), so writing the same record twice gives the same fullUrls and the same conditional-update keys: re-sending a
// transaction updates what the first one created instead of creating it again.

/** The library's UUID namespace (a random version 4 UUID drawn once; never change it, or ids change with it). */
const NAMESPACE = "637d8174-c0ed-4a5f-9f6a-5edbee11cc75";

/**
 * The stable UUID of one resource, from its type and the record ids that name it. Members are named by their own id
 * (the same person in two groups is one Patient); everything else also by its group's id, because session and consent
 * ids need only be unique within a group.
 */
export function resourceUuid(resourceType: string, ...ids: readonly string[]): string {
  // JSON of the parts, so that no choice of ids makes two different lists read the same ("a|b","c" vs "a","b|c").
  return uuidV5(JSON.stringify([resourceType, ...ids]), NAMESPACE);
}
