/*
 * Copies a tree-sitter tree into a flat pre-order array in one call. Walking the tree from .NET took
 * eight native calls per node (cursor moves, symbol, field, bytes, flags), each a managed-to-native
 * transition.
 *
 * The record layout matches Portcullis.Syntax.NodeData (natural alignment, 32 bytes). `kind` receives
 * the raw grammar symbol and `flags` only MISSING / EXTRA: the managed side maps symbols to canonical
 * kinds and adds NAMED / ERROR, which depend on its grammar tables.
 */
#include <stdint.h>
#include "tree_sitter/api.h"

typedef struct {
  uint16_t kind;
  uint16_t field;
  uint8_t flags;
  int32_t start_byte;
  int32_t end_byte;
  int32_t parent;
  int32_t next_sibling;
  int32_t subtree_end;
  int32_t child_count;
} PortcullisNode;

enum { PORTCULLIS_MISSING = 4, PORTCULLIS_EXTRA = 8 };

/* The number of nodes portcullis_tree_flatten writes (the root included). */
uint32_t portcullis_tree_node_count(const TSTree *tree) {
  return ts_node_descendant_count(ts_tree_root_node(tree));
}

/* Writes every node of the tree in pre-order; returns how many, or -1 when capacity is too small. */
int32_t portcullis_tree_flatten(const TSTree *tree, PortcullisNode *out, int32_t capacity) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  int32_t count = 0;
  int32_t parent = -1;
  int32_t previous_sibling = -1;
  for (;;) {
    if (count == capacity) {
      ts_tree_cursor_delete(&cursor);
      return -1;
    }
    TSNode node = ts_tree_cursor_current_node(&cursor);
    int32_t index = count++;
    PortcullisNode *record = &out[index];
    record->kind = ts_node_symbol(node);
    record->field = ts_tree_cursor_current_field_id(&cursor);
    record->flags = (ts_node_is_missing(node) ? PORTCULLIS_MISSING : 0) | (ts_node_is_extra(node) ? PORTCULLIS_EXTRA : 0);
    record->start_byte = (int32_t)ts_node_start_byte(node);
    record->end_byte = (int32_t)ts_node_end_byte(node);
    record->parent = parent;
    record->next_sibling = -1;
    record->subtree_end = index + 1;
    record->child_count = 0;
    if (parent >= 0) out[parent].child_count++;
    if (previous_sibling >= 0) out[previous_sibling].next_sibling = index;
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      parent = index;
      previous_sibling = -1;
      continue;
    }
    previous_sibling = index;
    /* Climb until a next sibling exists, closing the subtrees left behind. */
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return count;
      }
      out[parent].subtree_end = count;
      previous_sibling = parent;
      parent = out[parent].parent;
    }
  }
}
