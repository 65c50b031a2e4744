import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isAbstractType,
  isListType,
  isObjectType,
  type ASTVisitor,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
  type ValidationContext,
  valueFromAST,
} from 'graphql'
import { limits } from '@/lib/request-guard/check-request'

/**
 * What one GraphQL request may cost (see README, "Request budget"). Payload's `maxComplexity`
 * counts the fields of a query, not the rows they fan out to, and GraphQL ignores `maxDepth`:
 * nesting Articles → conditions → relatedArticles → … doubles the answer every two levels.
 */
export const graphqlLimits = {
  /** Documents reached through relationships below the documents asked for: the REST cap for anonymous reads. */
  maxRelationshipDepth: limits.anonymousMaxDepth,
  /** Nesting of any fields (groups, arrays, blocks), to stop pathological shapes. */
  maxSelectionDepth: 12,
  /** Documents per page, as for anonymous REST reads. */
  maxLimit: limits.anonymousMaxLimit,
  /** How many items a list of unknown length (hasMany relationships, arrays, blocks) is reckoned at. */
  assumedListSize: 10,
  /** The most any request may cost: every field costs 1 per row it is read for. */
  maxCost: 20_000,
  /** Paginated lists are reckoned at this many documents when no limit is given (Payload's default). */
  defaultLimit: 10,
} as const

/** A collection's document: what a relationship resolves to. */
const isDocumentType = (type: GraphQLNamedType): type is GraphQLObjectType =>
  isObjectType(type) && ['id', 'createdAt', 'updatedAt'].every((name) => name in type.getFields())

interface Walk {
  context: ValidationContext
  variables: Record<string, unknown>
  cost: number
  reported: boolean
}

function report(walk: Walk, message: string, node: FieldNode) {
  if (walk.reported) return
  walk.reported = true
  walk.context.reportError(new GraphQLError(message, { nodes: [node] }))
}

function argument(field: GraphQLField<unknown, unknown>, node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const definition = field.args.find((arg) => arg.name === name)
  const given = node.arguments?.find((arg) => arg.name.value === name)
  if (!definition || !given) return undefined
  return valueFromAST(given.value, definition.type, variables)
}

/**
 * Walks one selection set. `rows` is how many times each field in it is resolved (the product of
 * the list sizes above it), `documents` how many document levels lie above it.
 */
function walkSelections(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  rows: number,
  documents: number,
  depth: number,
  fragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (walk.reported) return
    if (selection.kind === 'InlineFragment') {
      const condition = selection.typeCondition ? walk.context.getSchema().getType(selection.typeCondition.name.value) : parentType
      walkSelections(walk, selection.selectionSet, condition ?? parentType, rows, documents, depth, fragments)
      continue
    }
    if (selection.kind === 'FragmentSpread') {
      const name = selection.name.value
      const fragment = walk.context.getFragment(name)
      if (!fragment || fragments.has(name)) continue
      const condition = walk.context.getSchema().getType(fragment.typeCondition.name.value)
      walkSelections(walk, fragment.selectionSet, condition ?? parentType, rows, documents, depth, new Set([...fragments, name]))
      continue
    }
    const name = selection.name.value
    if (name.startsWith('__')) continue
    // Fields on a union without a fragment: GraphQL's own rules report them.
    if (!isObjectType(parentType)) continue
    const field = parentType.getFields()[name]
    if (!field) continue
    if (depth + 1 > graphqlLimits.maxSelectionDepth) {
      report(walk, `This query nests fields more than ${graphqlLimits.maxSelectionDepth} levels deep. Ask for fewer levels.`, selection)
      return
    }

    let multiplier = 1
    const limit = argument(field, selection, 'limit', walk.variables)
    const pagination = argument(field, selection, 'pagination', walk.variables)
    if (pagination === false) {
      report(walk, `Lists come in pages: leave out pagination: false and ask for up to ${graphqlLimits.maxLimit} documents with limit and page.`, selection)
      return
    }
    if (limit !== undefined) {
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > graphqlLimits.maxLimit) {
        report(walk, `limit must be a whole number from 1 to ${graphqlLimits.maxLimit}; got ${JSON.stringify(limit)}.`, selection)
        return
      }
    }
    const type = getNullableType(field.type)
    const named = getNamedType(field.type)
    const isPaginated = isObjectType(named) && 'docs' in named.getFields() && 'totalDocs' in named.getFields()
    if (isPaginated) multiplier = typeof limit === 'number' ? limit : graphqlLimits.defaultLimit
    else if (isListType(type)) multiplier = parentIsPage(parentType) ? 1 : graphqlLimits.assumedListSize

    const fieldRows = rows * multiplier
    walk.cost += fieldRows
    if (walk.cost > graphqlLimits.maxCost) {
      report(
        walk,
        `This query could read more than ${graphqlLimits.maxCost} values (lists multiply what is inside them). Ask for fewer documents per page, fewer nested lists or fewer fields.`,
        selection,
      )
      return
    }

    let nextDocuments = documents
    if (isDocumentType(named) || (isAbstractType(named) && walk.context.getSchema().getPossibleTypes(named).some(isDocumentType))) {
      nextDocuments = documents + 1
      // The documents asked for are level 1; each relationship below adds one.
      if (nextDocuments - 1 > graphqlLimits.maxRelationshipDepth) {
        report(
          walk,
          `This query follows relationships more than ${graphqlLimits.maxRelationshipDepth} levels deep (“${name}”). Ask for the related documents in a separate query.`,
          selection,
        )
        return
      }
    }
    if (selection.selectionSet) walkSelections(walk, selection.selectionSet, named, fieldRows, nextDocuments, depth + 1, fragments)
  }
}

/** The `docs` of a paginated list are already counted by the list's limit. */
const parentIsPage = (type: GraphQLNamedType) => isObjectType(type) && 'totalDocs' in type.getFields()

/**
 * A GraphQL validation rule that refuses, before anything runs, a query that follows relationships
 * deeper than the REST cap, nests too deeply, asks for unpaged or oversized lists, or whose cost
 * (fields × the rows they are read for) is over the budget.
 */
export function requestBudgetRule(variables: Record<string, unknown> | null | undefined) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const root = node.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType()
      if (!root) return
      const walk: Walk = { context, variables: variables ?? {}, cost: 0, reported: false }
      walkSelections(walk, node.selectionSet, root, 1, 0, 0, new Set())
    },
  })
}

/** Field suggestions ("Did you mean …?") would describe the schema that introspection hides. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*$/s, '')
}
