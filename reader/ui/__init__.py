"""The Textual shell: renders domain objects and routes keys. The only place textual is imported."""
