//! Runtime hooks: the few stateful behaviours specs cannot declare, named from
//! spec files (`hooks.after_send = "xep_0045::remember_room"`), one module per
//! spec. The generated manual lists every hook, so reviewers see where logic
//! lives outside the specs.
//!
//! Signatures, by kind:
//! - `before_send`: `fn(&mut Session, &mut Map) -> Result<(), ClientError>`, may
//!   refuse or complete the payload;
//! - `after_send`: `fn(&mut Session, &Map)`, remembers what was sent;
//! - `guard`: `fn(&Session, Elem<'_>) -> bool`, narrows an incoming match.

pub mod xep_0045;
