/// The resolve stage: the loaded content and facts become a checked `Site` whose documents
/// are typed trees (`DocumentBody`), with permalinks, links, citations, components and
/// newsletter editions resolved. Entry point: `SiteResolver.resolve`.
///
/// What it resolves comes from `BroadsheetLoading` (the load stage), re-exported here so that
/// renderers, which read `site.config`, see one module.
@_exported import BroadsheetLoading
