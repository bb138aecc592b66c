import { and, eq } from 'drizzle-orm';
import type { BuiltinRoleKey } from '../../platform/access/permissions.ts';
import { newId } from '../../platform/db/ids.ts';
import { orgUnits, userRoles, users } from '../../modules/org/org.schema.ts';
import type { DemoContext, DemoPart, DemoUnit, DemoUser } from '../generator.ts';
import { mobilePhone, personName, pinyinLogin, uniqueLogins } from '../names.ts';
import { apportion, type Rng } from '../random.ts';

interface DepartmentSpec {
  name: string;
  code: string;
  role: BuiltinRoleKey;
  /** share of the unit's head count */
  weight: number;
  /** the first person's title, then the others' titles with their weights */
  lead: string;
  titles: readonly (readonly [string, number])[];
}

const headOfficeDepartments: readonly DepartmentSpec[] = [
  { name: '总经理办公室', code: 'GM', role: 'head_office', weight: 1, lead: '办公室主任', titles: [['总经理助理', 1], ['行政专员', 2]] },
  { name: '市场部', code: 'MK', role: 'head_office', weight: 3, lead: '市场总监', titles: [['市场经理', 2], ['市场专员', 3], ['数据分析师', 1]] },
  { name: '财务部', code: 'FN', role: 'head_office', weight: 2, lead: '财务总监', titles: [['会计', 3], ['出纳', 1], ['应收专员', 1]] },
  { name: '信息技术部', code: 'IT', role: 'admin', weight: 0.5, lead: '信息技术部经理', titles: [['系统管理员', 1], ['IT工程师', 2]] },
  { name: '客户服务中心', code: 'CS', role: 'service', weight: 2, lead: '客服中心主任', titles: [['客服专员', 4], ['质量专员', 1]] },
  { name: '合同管理部', code: 'OE', role: 'order_execution', weight: 1.5, lead: '合同管理部经理', titles: [['合同管理专员', 3], ['单证主管', 1]] },
];

const sales = (name: string, code: string): DepartmentSpec => ({
  name, code, role: 'sales_rep', weight: 3, lead: '销售经理',
  titles: [['客户经理', 4], ['销售代表', 3], ['业务员', 2], ['高级客户经理', 1]],
});
const branchDepartments = {
  sales1: sales('销售一部', 'S1'),
  sales2: sales('销售二部', 'S2'),
  execution: { name: '合同执行部', code: 'OE', role: 'order_execution', weight: 1.2, lead: '合同执行主管', titles: [['单证员', 2], ['操作员', 2], ['合同执行专员', 2]] },
  service: { name: '客服部', code: 'CS', role: 'service', weight: 1, lead: '客服主管', titles: [['客服专员', 3], ['现场工程师', 2]] },
} satisfies Record<string, DepartmentSpec>;
const branchOrder = [branchDepartments.sales1, branchDepartments.sales2, branchDepartments.execution, branchDepartments.service];

/** Share of the head count at head office; the rest works in the branches. */
const HEAD_OFFICE_SHARE = 0.05;
/** a branch needs a manager and one person per department */
const MIN_BRANCH = 4;

/**
 * The organisation: 总部 with its departments, one 分公司 per city with 2-3 departments (销售一部
 * always; 销售二部, 合同执行部, 客服部 drawn; the first branch has all roles), and exactly
 * `size.users` people, each in one built-in role, all signing in with the demo password.
 */
export const orgPart: DemoPart = {
  name: 'org',
  async generate(ctx) {
    const { rng, org, size, profile } = ctx;
    const hq = org.headOffice;
    const cities = profile.branches.slice(0, size.branches);
    const unitRows: (typeof orgUnits.$inferInsert)[] = [];
    const staff: { unit: DemoUnit; role: BuiltinRoleKey; title: string }[] = [];

    const addUnit = (parent: DemoUnit, kind: 'branch' | 'department', name: string, code: string, sortOrder: number, city: string | null) => {
      const id = newId();
      const unit: DemoUnit = {
        id, parentId: parent.id, kind, name, code, path: `${parent.path}${id}/`, depth: parent.depth + 1,
        branchId: kind === 'branch' ? id : parent.branchId, city,
      };
      org.units.push(unit);
      const founded = daysBefore(ctx.now, rng.int(5 * 365, 12 * 365));
      unitRows.push({
        tenantId: ctx.tenantId, id, parentId: parent.id, kind, name, code, path: unit.path, depth: unit.depth, sortOrder,
        createdAt: founded, updatedAt: founded,
      });
      return unit;
    };
    const staffDepartments = (parentStaff: number, departments: readonly { unit: DemoUnit; spec: DepartmentSpec }[], min: number) => {
      const counts = apportion(parentStaff, departments.map((d) => d.spec.weight), min);
      departments.forEach(({ unit, spec }, i) => {
        for (let k = 0; k < counts[i]; k++) {
          staff.push({ unit, role: spec.role, title: k === 0 ? spec.lead : rng.weighted(spec.titles) });
        }
      });
    };

    // Head office: founded long before its branches; the administrator, the general manager, departments.
    const founded = daysBefore(ctx.now, rng.int(12 * 365, 20 * 365));
    await ctx.db.update(orgUnits).set({ code: 'HQ', createdAt: founded, updatedAt: founded })
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, hq.id)));
    const hqCount = Math.max(5, Math.round(size.users * HEAD_OFFICE_SHARE));
    const hqDepartments = headOfficeDepartments.map((spec, i) => ({ spec, unit: addUnit(hq, 'department', spec.name, `HQ-${spec.code}`, i, null) }));
    const it = hqDepartments.find((d) => d.spec.role === 'admin')!.unit;
    staff.push({ unit: it, role: 'admin', title: '系统管理员' }, { unit: hq, role: 'head_office', title: '总经理' });
    staffDepartments(hqCount - 2, hqDepartments, 0);

    // Branches: head counts by city size with some noise, then split over their departments.
    const branchStaff = apportion(size.users - hqCount, cities.map((c) => c.weight * (0.85 + rng.next() * 0.3)), MIN_BRANCH);
    cities.forEach((city, i) => {
      const branch = addUnit(hq, 'branch', `${city.city}分公司`, city.code, i, city.city);
      org.branches.push(branch);
      const chosen = i === 0
        ? [branchDepartments.sales1, branchDepartments.execution, branchDepartments.service]
        : [branchDepartments.sales1, ...rng.shuffle([branchDepartments.sales2, branchDepartments.execution, branchDepartments.service]).slice(0, rng.int(1, 2))];
      const departments = branchOrder
        .filter((spec) => chosen.includes(spec))
        .map((spec, k) => ({ spec, unit: addUnit(branch, 'department', spec.name, `${city.code}-${spec.code}`, k, city.city) }));
      const managers = branchStaff[i] >= 20 ? 2 : 1;
      staff.push({ unit: branch, role: 'branch_manager', title: '分公司总经理' });
      if (managers === 2) staff.push({ unit: branch, role: 'branch_manager', title: '分公司副总经理' });
      staffDepartments(branchStaff[i] - managers, departments, 1);
    });

    const login = uniqueLogins();
    login('admin');
    const userRows: (typeof users.$inferInsert)[] = [];
    const roleRows: (typeof userRoles.$inferInsert)[] = [];
    for (const slot of staff) {
      const person = personName(rng);
      const isAdmin = slot.role === 'admin' && !org.byRole.admin.length;
      const user: DemoUser = {
        id: newId(),
        login: isAdmin ? 'admin' : login(pinyinLogin(person.name)),
        name: person.name,
        title: slot.title,
        unitId: slot.unit.id,
        branchId: slot.unit.branchId,
        role: slot.role,
      };
      org.users.push(user);
      org.byRole[slot.role].push(user);
      userRows.push(userRow(ctx, rng, user));
      roleRows.push({ tenantId: ctx.tenantId, userId: user.id, roleId: org.roleIds[slot.role] });
    }

    await ctx.write(orgUnits, unitRows);
    await ctx.write(users, userRows);
    await ctx.write(userRoles, roleRows);
    ctx.log(`org: ${org.units.length} units (${org.branches.length} branches), ${org.users.length} users`);
  },
};

function userRow(ctx: DemoContext, rng: Rng, user: DemoUser): typeof users.$inferInsert {
  const hired = daysBefore(ctx.now, rng.int(30, 8 * 365));
  // Most people signed in during the last fortnight; a few never have.
  const lastLogin = rng.chance(0.85) ? new Date(ctx.now.getTime() - rng.int(5 * 60, 14 * 86_400) * 1000) : null;
  return {
    tenantId: ctx.tenantId,
    id: user.id,
    login: user.login,
    name: user.name,
    title: user.title,
    email: `${user.login}@${ctx.profile.mailDomain}`,
    phone: mobilePhone(rng),
    unitId: user.unitId,
    passwordHash: ctx.passwordHash,
    mustChangePassword: false,
    lastLoginAt: lastLogin,
    createdAt: hired,
    updatedAt: hired,
  };
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);
