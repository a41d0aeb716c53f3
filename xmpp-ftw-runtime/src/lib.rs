pub mod catalog;
pub mod xhtml;
pub mod xml;
