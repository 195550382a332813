import type { Field } from 'payload'

import { allowedField, staffOnlyField } from '@/access/rules'
import { DEFAULT_CHAIN } from '@/newsroom/reviewChain'
import { label } from './labels'

const levelSwitches: Field[] = [
  { name: 'first', type: 'checkbox', defaultValue: DEFAULT_CHAIN.first, label: label('需要初审（责任编辑）', 'First review') },
  { name: 'second', type: 'checkbox', defaultValue: DEFAULT_CHAIN.second, label: label('需要复审（部门主任）', 'Second review') },
  { name: 'proofreading', type: 'checkbox', defaultValue: DEFAULT_CHAIN.proofreading, label: label('终审前需要校对', 'Proofreading') },
  { name: 'briefsSkipSecond', type: 'checkbox', defaultValue: DEFAULT_CHAIN.briefsSkipSecond, label: label('简讯可免复审', 'Briefs skip second review') },
]

/**
 * The 三审 chain a desk requires of its articles, or a column's own chain when it overrides its
 * articles' desks. 终审 is always required. Only administrators set it (manageDesks).
 */
export function reviewChainField(overridesDesk: boolean): Field {
  return {
    name: 'reviewChain',
    type: 'group',
    label: label('审稿流程（三审）', 'Review chain'),
    access: { read: staffOnlyField, create: allowedField('manageDesks'), update: allowedField('manageDesks') },
    admin: {
      description: overridesDesk
        ? label('勾选“单独设定”后，本专栏的稿件按这里的流程审签，不按所属部门的流程。终审始终需要。', "When set, this column's articles follow this chain instead of their desk's.")
        : label('本部门稿件须经过的审级，默认初审 → 复审 → 校对 → 终审。终审始终需要。', "The levels this desk's articles pass; 终审 is always required."),
    },
    fields: overridesDesk ? [{ name: 'overridesDesk', type: 'checkbox', defaultValue: false, label: label('单独设定（不按部门流程）', 'Override the desk') }, ...levelSwitches] : levelSwitches,
  }
}
