// OOXML package parts shared by the office formats: relationships and the
// core and extended document properties.
#ifndef BIDSCOPE_EXTRACT_OOXML_PROPERTIES_H_
#define BIDSCOPE_EXTRACT_OOXML_PROPERTIES_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"

namespace bidscope {

struct Relationship {
  // The last segment of the relationship type URI ("officeDocument",
  // "header", "footnotes", "core-properties").
  std::string type;

  // Package part name without a leading slash ("word/header1.xml").
  std::string target;
};

// Internal relationships of a .rels part. `source_dir` is the folder of
// the part the relationships belong to ("word/"; empty for the package),
// against which relative targets are resolved.
std::vector<Relationship> ReadRelationships(const xmlDoc* rels,
                                            std::string_view source_dir);

// Copies dc:title, dc:creator (as author), dc:subject, cp:keywords,
// dcterms:created and dcterms:modified from docProps/core.xml, and
// cp:lastModifiedBy and dc:description into `extra`.
void ReadCoreProperties(const xmlDoc* core, Metadata& metadata);

// Copies Application (as creator) from docProps/app.xml.
void ReadAppProperties(const xmlDoc* app, Metadata& metadata);

}  // namespace bidscope

#endif  // BIDSCOPE_EXTRACT_OOXML_PROPERTIES_H_
