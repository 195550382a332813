import { explainSaveRefusal } from '@/admin/components/saveRefusal'

describe('explainSaveRefusal', () => {
  it('gives each field’s problem, labelled when the message does not name the field', () => {
    const body = {
      errors: [
        {
          name: 'ValidationError',
          message: '以下字段无效：主题, 导语',
          data: {
            errors: [
              { path: 'title', message: '主题最多 200 个字，现有 201 个字（at most 200 characters）' },
              { path: 'summary', label: '导语', message: '该字段为必填项。' },
            ],
          },
        },
      ],
    }
    expect(explainSaveRefusal(body, 400)).toEqual({
      reason: '主题最多 200 个字，现有 201 个字（at most 200 characters）；导语：该字段为必填项。',
      fieldErrors: [
        { path: 'title', message: '主题最多 200 个字，现有 201 个字（at most 200 characters）' },
        { path: 'summary', message: '该字段为必填项。' },
      ],
    })
  })

  it('gives the server’s message for a refusal that names no field, and the status when there is none', () => {
    const stale = { errors: [{ message: '保存被拒绝：这篇稿件已被他人修改。', data: { reason: 'staleCopy' } }] }
    expect(explainSaveRefusal(stale, 409)).toEqual({ reason: '保存被拒绝：这篇稿件已被他人修改。', fieldErrors: [] })
    expect(explainSaveRefusal(null, 502).reason).toBe('服务器拒绝了保存（HTTP 502）。')
    expect(explainSaveRefusal({ message: '请先登录' }, 401).reason).toBe('请先登录')
  })
})
