/** 设置 → 延误原因与检查清单, in Simplified Chinese. */
export const responsibilityAdmin = {
  title: '延误原因与检查清单',
  subtitle: '环节延误时负责人从这些原因中选择；关键节点的检查清单必须勾选完必选项，环节才能完成。',
  reasons: {
    title: '延误原因',
    add: '新增原因',
    code: '编码',
    codeHelp: '小写字母开头，仅限小写字母、数字和下划线（如 design_change），保存后不可修改',
    labelZh: '中文名称',
    labelEn: '英文名称',
    prefill: '自动预填的事件',
    active: '启用',
  },
  checklists: {
    title: '检查清单',
    help: '例如：订单审核 → 客户确认规格和交期、财务审核账期；备货/生产 → 已发出发货通知。未勾选的必选项会阻止该环节完成（确认、发货等操作将提示未完成的项目）。',
    empty: '该环节没有检查项',
    add: '添加检查项',
    labelZh: '检查项（中文）',
    labelEn: '检查项（英文）',
    required: '必选',
  },
};
