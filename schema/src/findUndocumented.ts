import { parse, visit, type ASTNode } from 'graphql';

/**
 * Lists the schema coordinates of a subgraph's SDL that lack a description: types, fields,
 * arguments, input fields and enum values. Federation's own `extend schema` is exempt.
 */
export function findUndocumented(sdl: string): string[] {
  const missing: string[] = [];
  const typeStack: string[] = [];
  const described = (node: ASTNode) => 'description' in node && node.description != null && node.description.value.trim() !== '';
  const enter = (node: ASTNode & { name: { value: string } }) => {
    if (!described(node)) missing.push(node.name.value);
    typeStack.push(node.name.value);
  };
  const leave = () => void typeStack.pop();
  visit(parse(sdl), {
    ObjectTypeDefinition: { enter, leave },
    InputObjectTypeDefinition: { enter, leave },
    EnumTypeDefinition: { enter, leave },
    InterfaceTypeDefinition: { enter, leave },
    UnionTypeDefinition: { enter, leave },
    ScalarTypeDefinition: { enter, leave },
    // A directive's arguments are named after it (`@partenaire…code`); the directive itself needs no description here.
    DirectiveDefinition: { enter: (node) => void typeStack.push(`@${node.name.value}`), leave },
    FieldDefinition: { enter: (node) => void (described(node) || missing.push(`${typeStack.at(-1)}.${node.name.value}`)) },
    InputValueDefinition: { enter: (node) => void (described(node) || missing.push(`${typeStack.at(-1)}…${node.name.value}`)) },
    EnumValueDefinition: { enter: (node) => void (described(node) || missing.push(`${typeStack.at(-1)}.${node.name.value}`)) },
  });
  return missing;
}
